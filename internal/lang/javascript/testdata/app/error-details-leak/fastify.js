const Fastify = require('fastify');

// Fastify's error handler: the public instance answers with the message, the internal
// one logs it and answers with a generic text.
const api = Fastify();
api.setErrorHandler((error, request, reply) => {
  reply.code(500).send({ message: error.message }); // want: js.error-details-leak
});
api.get('/items', async () => []);

const internal = Fastify();
internal.setErrorHandler((error, request, reply) => {
  request.log.error(error);
  reply.code(500).send({ message: 'Internal error' });
});
internal.get('/items', async () => []);

module.exports = { api, internal };
