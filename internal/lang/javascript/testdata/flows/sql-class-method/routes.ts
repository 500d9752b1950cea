import { Router, Request, Response } from 'express';
import { Pool } from 'pg';
import { OrderRepo } from './repo';

const repo = new OrderRepo(new Pool());
export const router = Router();

router.get('/orders/:id', async (req: Request, res: Response) => {
  res.json(await repo.find(req.params.id));
});

router.get('/orders/:id/safe', async (req: Request, res: Response) => {
  res.json(await repo.findSafe(req.params.id));
});
