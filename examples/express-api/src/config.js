// Configuration comes from the environment; nothing secret is kept in the source.
module.exports = {
  port: Number(process.env.PORT || 3000),
  databaseUrl: process.env.DATABASE_URL,
  jwtIssuer: 'orders-api',
  tokenTtl: '15m',
};
