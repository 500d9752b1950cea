const fastify = require('fastify')();
const { execSync } = require('child_process');

fastify.get('/convert', async (request, reply) => {
  const out = execSync(`convert ${request.query.file} out.png`); // want: js.command-injection
  reply.send(out);
});

fastify.get('/convert/safe', async (request, reply) => {
  const out = execSync(`convert ${encodeURIComponent(request.query.file)} out.png`);
  reply.send(out);
});

module.exports = fastify;
