const express = require('express');
const { body } = require('express-validator');
const { save } = require('./store');

const app = express();

app.post('/register', async (req, res) => { // want: js.weak-password-policy
  const { email, password } = req.body;
  res.json(await save(email, password));
});

app.post('/signup', async (req, res) => {
  const { email, password } = req.body;
  if (password.length < 12) {
    return res.status(400).json({ error: 'use at least 12 characters' });
  }
  res.json(await save(email, password));
});

app.post('/v2/register', async (req, res) => { // want: js.weak-password-policy
  const { email, password } = req.body;
  if (password.length < 6) {
    return res.status(400).end();
  }
  res.json(await save(email, password));
});

app.post('/v3/register', body('password').isLength({ min: 12 }), async (req, res) => { // positive: Request input is validated by middleware
  res.json(await save(req.body.email, req.body.password));
});

module.exports = app;

app.post('/v4/register', body('password').isLength({ min: 6 }), async (req, res) => { // want: js.weak-password-policy
  res.json(await save(req.body.email, req.body.password));
});

const Joi = require('joi');
const signupSchema = Joi.object({ email: Joi.string().email(), password: Joi.string().min(4) });

app.post('/v5/register', async (req, res) => { // want: js.weak-password-policy
  const { value } = signupSchema.validate(req.body);
  res.json(await save(value.email, value.password));
});
