const express = require('express');
const validator = require('validator');
const Joi = require('joi');
const { matchedData } = require('express-validator');
const { pool } = require('./db');
const User = require('./user');

const app = express();
const loginSchema = Joi.object({ email: Joi.string().email(), password: Joi.string() });

app.post('/login', async (req, res) => {
  const { value } = loginSchema.validate(req.body);
  res.json(await User.findOne({ email: value.email }));
});

app.post('/login/raw', async (req, res) => {
  res.json(await User.findOne({ email: req.body.email })); // want: js.nosql-injection
});

app.post('/login/typed', async (req, res) => {
  const email = req.body.email;
  if (typeof email !== 'string') {
    return res.status(400).end();
  }
  res.json(await User.findOne({ email }));
});

app.post('/profile', async (req, res) => {
  const data = matchedData(req);
  res.json(await User.findOne({ handle: data.handle }));
});

app.get('/orders/:id', async (req, res) => {
  const id = req.query.id;
  if (!validator.isInt(id)) {
    return res.status(400).end();
  }
  res.json(await pool.query(`SELECT * FROM orders WHERE id = ${id}`));
});

app.get('/by-email', async (req, res) => {
  const email = req.query.email;
  if (!validator.isEmail(email)) {
    return res.status(400).end();
  }
  res.json(await pool.query(`SELECT * FROM users WHERE email = '${email}'`)); // want: js.sql-injection
});

app.get('/profile/:handle', (req, res) => {
  const data = matchedData(req);
  res.send(`<h1>${data.handle}</h1>`); // want: js.xss
});

const { z } = require('zod');
const SignupSchema = z.object({ email: z.string().email() });

app.post('/signup', async (req, res) => {
  const body = SignupSchema.parse(req.body);
  res.json(await User.findOne({ email: body.email }));
});

app.post('/signup/json', async (req, res) => {
  const body = JSON.parse(req.body.raw);
  res.json(await User.findOne({ email: body.email })); // want: js.nosql-injection
});
