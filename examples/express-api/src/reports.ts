import express, { Request, Response } from 'express';
import session from 'express-session';
import knexFactory from 'knex';

const db = knexFactory({ client: 'pg', connection: process.env.REPORTING_DATABASE_URL });

export const reports = express.Router();

reports.use(session({
  secret: process.env.SESSION_SECRET ?? 'reports-dev-session',
  resave: false,
  saveUninitialized: false,
  cookie: { httpOnly: true, secure: true, sameSite: 'strict' },
}));

reports.get('/reports/revenue', async (req: Request, res: Response) => {
  const from = req.query.from as string;
  const rows = await db('orders').whereRaw(`created_at >= '${from}'`).sum('total_cents');
  res.json(rows);
});

reports.get('/reports/refunds', async (req: Request, res: Response) => {
  const rows = await db('refunds').whereRaw('created_at >= ?', [req.query.from as string]);
  res.json(rows);
});
