const products = require('../repos/products');

// Catalogue lookups normalise their input before reaching the repository.
exports.listCategory = async (category) => products.byCategory(category.trim());

exports.findByName = async (name) => products.byName(name.trim());
