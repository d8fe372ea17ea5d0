/**
 * The ratio's baseline for the intake bench: the same stack (Fastify, zod, node-postgres pool of the
 * same size) with one route that validates a small body and does one insert. Run as its own process.
 */
import Fastify from 'fastify';
import pg from 'pg';
import { z } from 'zod';
import { serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';

const url = process.env.DATABASE_URL!;
const port = Number(process.env.PORT);
const pool = new pg.Pool({ connectionString: url, max: 10 });
await pool.query('create table if not exists bench_bare (id uuid primary key default gen_random_uuid(), at timestamptz not null default now(), body jsonb not null)');
const app = Fastify({ logger: false });
app.setValidatorCompiler(validatorCompiler);
app.setSerializerCompiler(serializerCompiler);
app.withTypeProvider<ZodTypeProvider>().post(
  '/bare',
  { schema: { body: z.object({ description: z.string().min(5).max(2000), lng: z.number(), lat: z.number() }), response: { 201: z.object({ id: z.string() }) } } },
  async (req, reply) => {
    const { rows } = await pool.query<{ id: string }>('insert into bench_bare (body) values ($1) returning id', [JSON.stringify(req.body)]);
    return reply.status(201).send({ id: rows[0]!.id });
  },
);
await app.listen({ port, host: '127.0.0.1' });
process.once('SIGTERM', async () => {
  await app.close();
  await pool.end();
  process.exit(0);
});
