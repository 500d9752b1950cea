const amqp = require('amqplib');
const { execFile } = require('child_process');
const { Kafka } = require('kafkajs');

async function work() {
  const conn = await amqp.connect(process.env.AMQP_URL);
  const channel = await conn.createChannel();
  channel.consume('convert', (msg) => {
    execFile(msg.content.toString(), ['--version']); // want: js.command-injection
    execFile('convert', [msg.content.toString(), 'out.png']);
  });
}

async function stream() {
  const consumer = new Kafka({ brokers: ['kafka:9092'] }).consumer({ groupId: 'jobs' });
  await consumer.run({
    eachMessage: async ({ message }) => {
      execFile(message.value.toString()); // want: js.command-injection
    },
  });
}

module.exports = { work, stream };
