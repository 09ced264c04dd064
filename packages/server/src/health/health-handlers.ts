import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Platform } from '../platform.js';

export function healthHandlers(platform: Platform) {
  return {
    async getHealth() {
      return { status: 'ok' as const };
    },
    /** Ready when the database answers; a load balancer stops sending work otherwise. */
    async getReadiness(_request: FastifyRequest, reply: FastifyReply) {
      const database = await platform.storage.db
        .query('SELECT 1')
        .then(() => 'ok' as const)
        .catch(() => 'unavailable' as const);
      const status = database === 'ok' ? 'ok' : 'unavailable';
      reply.code(status === 'ok' ? 200 : 503);
      return { status, checks: { database } };
    },
  };
}
