// Pictures over HTTP. POST /api/v1/conversations/:id/attachments (multipart field "file", Bearer
// conversation token or agent token) → {id, type, width, height, url}; GET /api/v1/conversations/:id/attachments
// → {attachments} with fresh links; GET /api/v1/attachments/:id?expires=…&sig=… serves a picture by its signed link.
import multipart from '@fastify/multipart';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { AttachmentService } from '../attachments/index.js';
import { hashToken } from '../conversations/index.js';
import type { AgentAuth } from '../handoff/index.js';
import { AppError } from '../shared/index.js';
import type { ConversationRecord, Store } from '../store/index.js';
import { bearer } from './operator-auth.js';

const ID = /^[A-Za-z0-9-]{1,100}$/;
/** Uploads per IP address in ten minutes: a conversation's own limit does not stop someone opening many. */
const UPLOADS_PER_ADDRESS = 60;
const UPLOAD_WINDOW_MS = 10 * 60_000;

export interface AttachmentRoutesOptions {
  attachments: AttachmentService;
  store: Store;
  auth: AgentAuth;
  maxBytes: number;
}

/** Who may use a conversation's pictures: its shopper (by the resume token) or an agent who holds or may see it. */
type Party = { kind: 'shopper'; record: ConversationRecord } | { kind: 'agent'; record: ConversationRecord; agentId: string; holds: boolean };

export default async function attachmentRoutes(app: FastifyInstance, { attachments, store, auth, maxBytes }: AttachmentRoutesOptions) {
  // Registered inside this plugin only: no other route accepts multipart bodies.
  await app.register(multipart, { limits: { fileSize: maxBytes, files: 1, fields: 0, parts: 1, headerPairs: 100 } });

  async function party(request: FastifyRequest<{ Params: { id: string } }>): Promise<Party> {
    const token = bearer(request);
    if (!token) throw new AppError('unauthorized', 'send Authorization: Bearer <conversation token or agent token>');
    if (!ID.test(request.params.id)) throw new AppError('not_found', 'this conversation does not exist');
    const own = await store.findConversationByTokenHash(hashToken(token));
    if (own) {
      if (own.id !== request.params.id) throw new AppError('forbidden', 'this token belongs to another conversation');
      return { kind: 'shopper', record: own };
    }
    const { agent } = await auth.authenticate(token).catch(() => {
      throw new AppError('unauthorized', 'this token is not valid; sign in again or reopen the chat');
    });
    const record = await store.getConversation(request.params.id);
    if (!record) throw new AppError('not_found', 'this conversation does not exist');
    const holds = record.status === 'assigned' && record.assignedTo === agent.id;
    if (!holds && record.status !== 'queued' && agent.role !== 'operator') throw new AppError('forbidden', 'not your conversation');
    return { kind: 'agent', record, agentId: agent.id, holds: holds || agent.role === 'operator' };
  }

  app.post<{ Params: { id: string } }>('/api/v1/conversations/:id/attachments', async (request, reply) => {
    const who = await party(request);
    if (who.kind === 'agent' && !who.holds) throw new AppError('forbidden', 'claim this conversation before sending pictures');
    if (!request.isMultipart()) throw new AppError('unsupported_media_type', 'send the picture as multipart/form-data, in the field "file"');
    if ((await store.hit(`uploads:ip:${request.ip}`, UPLOAD_WINDOW_MS, Date.now())) > UPLOADS_PER_ADDRESS) {
      throw new AppError('rate_limited', 'too many pictures from this address; please wait a few minutes');
    }
    let data: Buffer;
    try {
      const file = await request.file();
      if (!file || file.fieldname !== 'file') throw new AppError('invalid_payload', 'send the picture in the multipart field "file"');
      data = await file.toBuffer();
    } catch (error) {
      if (error instanceof AppError) throw error;
      if ((error as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE') {
        throw new AppError('payload_too_large', `a picture can be at most ${Math.floor(maxBytes / (1024 * 1024))} MB`);
      }
      throw new AppError('invalid_payload', 'the upload could not be read; send one file in the multipart field "file"');
    }
    const attachment = await attachments.upload(who.record.id, data, who.kind === 'shopper' ? 'shopper' : `agent:${who.agentId}`);
    request.log.info({ conversationId: who.record.id, attachmentId: attachment.id, type: attachment.type, by: who.kind }, 'picture uploaded');
    return reply.code(201).header('cache-control', 'no-store').send(attachment);
  });

  app.get<{ Params: { id: string } }>('/api/v1/conversations/:id/attachments', async (request, reply) => {
    const who = await party(request);
    return reply.header('cache-control', 'no-store').send({ attachments: await attachments.list(who.record.id) });
  });

  app.get<{ Params: { id: string }; Querystring: { expires?: string; sig?: string } }>('/api/v1/attachments/:id', async (request, reply) => {
    if (!ID.test(request.params.id)) throw new AppError('forbidden', 'this picture link is not valid');
    const { record, data, expiresAt } = await attachments.read(request.params.id, request.query.expires, request.query.sig);
    const maxAge = Math.max(0, Math.floor(expiresAt - Date.now() / 1000));
    return (
      reply
        .type(record.type)
        .header('cache-control', `private, max-age=${maxAge}`)
        .header('x-content-type-options', 'nosniff')
        .header('content-disposition', 'inline')
        // The widget shows pictures on the store's own pages: another site.
        .header('cross-origin-resource-policy', 'cross-origin')
        .header('content-security-policy', "default-src 'none'; sandbox")
        .send(data)
    );
  });
}
