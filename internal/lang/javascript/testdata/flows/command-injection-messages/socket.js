const { Server } = require('socket.io');
const { exec } = require('child_process');

const io = new Server(3001);

io.on('connection', (socket) => {
  socket.on('diagnose', (host) => {
    exec('ping -c 1 ' + host); // want: js.command-injection
  });
  socket.on('status', () => {
    exec('uptime');
  });
});
