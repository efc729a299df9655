/** A user-facing error of the sidebar's endpoints: its message is shown in the sidebar as is. */
export class SidebarError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SidebarError';
  }
}
