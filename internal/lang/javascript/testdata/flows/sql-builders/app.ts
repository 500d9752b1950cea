import express from 'express';
import sqlite3 from 'sqlite3';
import { dataSource } from './data-source';

const app = express();
const db = new sqlite3.Database('app.db');
const cache = new Map<string, string>();

app.get('/users', async (req, res) => {
  const users = await dataSource
    .getRepository('User')
    .createQueryBuilder('user')
    .where(`user.name = '${req.query.name}'`) // want: js.sql-injection
    .getMany();
  res.json(users);
});

app.get('/users/safe', async (req, res) => {
  const users = await dataSource
    .getRepository('User')
    .createQueryBuilder('user')
    .where('user.name = :name', { name: req.query.name })
    .getMany();
  res.json(users);
});

app.get('/notes', (req, res) => {
  db.all("SELECT * FROM notes WHERE tag = '" + req.query.tag + "'", (err, rows) => res.json(rows)); // want: js.sql-injection
  db.all('SELECT * FROM notes WHERE tag = ?', [req.query.tag], (err, rows) => res.json(rows));
  res.json({ cached: cache.get(req.query.tag as string) });
});
