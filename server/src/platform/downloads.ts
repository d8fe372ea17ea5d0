import { PassThrough, type Writable } from 'node:stream';
import type { FastifyReply } from 'fastify';

export const xlsxType = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/**
 * Streams a generated file as a download. `produce` checks access before writing its first byte, so a
 * refusal still answers problem+json; a failure after that cuts the download short.
 */
export async function sendDownload(reply: FastifyReply, fileName: string, type: string, produce: (out: Writable) => Promise<unknown>) {
  const body = new PassThrough();
  const done = produce(body);
  await Promise.race([done, new Promise((resolve) => body.once('readable', resolve))]);
  done.catch((error: unknown) => body.destroy(error as Error));
  return reply.type(type).header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(fileName)}`).send(body);
}
