#!/bin/bash
# Usage, in examples/src/test/resources: bash seeds/net/generate-expected.sh
# The servers are stopped with SIGINT (Ctrl-C); the protocol server, which has no
# "except KeyboardInterrupt", then prints a traceback, which was cut from its expected file.
# Runs each Python server with its client on loopback and saves their logs (stderr).
set -em
cd "${1:-.}"
for pair in EchoServer:EchoClient ProtocolEchoServer:ProtocolEchoClient; do
  s=${pair%%:*}; c=${pair##*:}
  port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
  python3 -W ignore seeds/net/$s.py 127.0.0.1 $port 2> expected/net/$s.txt &
  pid=$!
  sleep 1
  python3 -W ignore seeds/net/$c.py 127.0.0.1 $port 2> expected/net/$c.txt
  sleep 0.5
  kill -INT $pid; wait $pid || true
done
