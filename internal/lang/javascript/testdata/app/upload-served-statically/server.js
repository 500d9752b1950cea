const express = require('express');
const path = require('path');
const avatars = require('./avatars');

const app = express();
app.use(express.static(path.join(__dirname, 'public')));
app.use('/avatars', avatars);
