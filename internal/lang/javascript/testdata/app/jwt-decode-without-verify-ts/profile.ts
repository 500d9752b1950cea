import { Router, Request, Response, NextFunction } from 'express';
import jwt from 'jsonwebtoken';

export const profile = Router();

// Vulnerable: a default import of jsonwebtoken, decoded and trusted.
profile.use('/me', (req: Request, res: Response, next: NextFunction) => {
  const token = req.get('authorization') ?? '';
  res.locals.user = jwt.decode(token); // want: js.jwt-decode-without-verify
  next();
});

// Safe twin: the same middleware verifying the token.
profile.use('/account', (req: Request, res: Response, next: NextFunction) => {
  const token = req.get('authorization') ?? '';
  const key = process.env.JWT_SECRET ?? '';
  res.locals.user = jwt.verify(token, key, { algorithms: ['HS256'] });
  next();
});

profile.get('/me', (req: Request, res: Response) => res.json(res.locals.user));
profile.get('/account', (req: Request, res: Response) => res.json(res.locals.user));
