const express = require('express');
const path = require('path');
const catalog = require('../services/catalog');
const { optionalAuth } = require('../auth');

const router = express.Router();
const IMAGES = path.join(__dirname, '..', '..', 'images');

router.get('/catalog/search', optionalAuth, async (req, res) => {
  res.json(await catalog.findByName(req.query.name));
});

router.get('/catalog/:category', optionalAuth, async (req, res) => {
  res.json(await catalog.listCategory(req.params.category));
});

// Product images: the first handler joins the request path into a file path; the second
// lets Express confine the name to the images folder.
router.get('/images/:name', (req, res) => {
  res.sendFile(path.join(IMAGES, req.params.name));
});

router.get('/thumbnails/:name', (req, res) => {
  res.sendFile(req.params.name, { root: IMAGES });
});

// The not-found page echoes the search term into HTML; the JSON variant is safe.
router.get('/catalog-missing', (req, res) => {
  res.status(404).send(`<p>No product called ${req.query.name}</p>`);
});

router.get('/catalog-missing.json', (req, res) => {
  res.status(404).json({ error: 'not found', name: req.query.name });
});

// The welcome page writes name without escaping it (views/welcome.ejs); promo is escaped.
router.get('/welcome', (req, res) => {
  res.render('welcome', { name: req.query.name, promo: 'spring' });
});

router.get('/welcome/offer', (req, res) => {
  res.render('welcome', { name: 'customer', promo: req.query.promo });
});

module.exports = router;
