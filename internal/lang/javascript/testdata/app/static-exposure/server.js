const express = require('express');
const helmet = require('helmet');
const path = require('path');
const serveIndex = require('serve-index');
const assets = require('./routes/assets');

const app = express();
app.use(helmet());

// This file is at the project root: its __dirname is the project.
app.use(express.static(__dirname)); // want: js.static-exposure
app.use(express.static(path.join(__dirname, 'public')));

app.use('/files', express.static(process.cwd())); // want: js.static-exposure
app.use('/files', express.static(path.join(process.cwd(), 'uploads')));

app.use('/shared', express.static(path.resolve(__dirname, '..'))); // want: js.static-exposure
app.use('/shared', express.static(path.resolve(__dirname, 'shared')));

app.use('/docs', express.static('docs', { dotfiles: 'allow' })); // want: js.static-exposure
app.use('/docs', express.static('docs', { dotfiles: 'ignore' }));

app.use('/uploads', serveIndex('uploads')); // want: js.static-exposure
app.use('/uploads', express.static('uploads', { index: false }));

app.use('/assets', assets);

app.listen(3000, () => console.log('listening'));
