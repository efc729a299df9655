/**
 * The methods `K` of the Apps Script interface `T`, with T's parameters (of its last overload)
 * but returning `R`: lets a fake check its fluent methods (`setValues(...): Range`) against
 * @types/google-apps-script while returning the fake type (`FakeRange`).
 */
export type Fluent<T, K extends keyof T, R> = {
  [P in K]: T[P] extends (...args: infer A) => unknown ? (...args: A) => R : never;
};
