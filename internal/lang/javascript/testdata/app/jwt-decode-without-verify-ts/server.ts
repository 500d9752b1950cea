import express from 'express';
import helmet from 'helmet';
import rateLimit from 'express-rate-limit';
import { profile } from './profile';

const app = express();
app.use(helmet());
app.use(rateLimit({ windowMs: 15 * 60 * 1000, limit: 100 }));
app.use('/v2', profile);
app.listen(3000);
