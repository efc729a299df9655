/**
 * Writes a document model (core/doc-model.ts) into a new Google Doc through the Docs advanced
 * service: Documents.create, then one Documents.batchUpdate holding the whole content
 * (core/doc-requests.ts), whatever its size. Both accept the drive.file scope, which reaches
 * only the files CS Engine creates, where DocumentApp needs access to every document.
 */
import type { DocContent } from '../core/doc-model';
import { docRequests } from '../core/doc-requests';
import type { CreatedDocument, DocumentWriter } from '../app/sidebar/server';

export const documentWriter: DocumentWriter = {
  create(content: DocContent): CreatedDocument {
    // The advanced service exists only when appsscript.json enables it.
    if (typeof Docs === 'undefined' || !Docs) {
      throw new Error(
        'The Google Docs service is not enabled in this copy of CS Engine: push the project again with clasp (appsscript.json enables it).',
      );
    }
    const document = Docs.Documents.create({ title: content.name });
    const id = String(document.documentId);
    const requests = docRequests(content);
    if (requests.length > 0) {
      // Our request types are a subset of the API's; the typings lag behind it
      // (no updateTableCellStyle), hence the cast.
      Docs.Documents.batchUpdate(
        { requests: requests as GoogleAppsScript.Docs.Schema.Request[] },
        id,
      );
    }
    return {
      id,
      // The document's address (Google's "Document ID" page: .../document/d/DOCUMENT_ID/edit).
      url: `https://docs.google.com/document/d/${id}/edit`,
      name: document.title ?? content.name,
    };
  },
};
