"""A real SMTP server on the loopback for the mail tests, one that can fail its first connections.

It speaks just enough SMTP for Django's SMTP backend (EHLO, MAIL, RCPT, DATA, QUIT) and keeps
what it received, so a test can see that a message arrived after the server had failed.
"""

import socketserver
import threading
from email import message_from_bytes
from email.policy import default


class FlakySMTPServer(socketserver.ThreadingTCPServer):
    daemon_threads = True
    allow_reuse_address = True

    def __init__(self, failures=0):
        super().__init__(("127.0.0.1", 0), _Session)
        self.failures = failures  # connections to drop at once before answering
        self.connections = 0
        self.messages = []  # email.message.EmailMessage
        self._lock = threading.Lock()

    @property
    def port(self):
        return self.server_address[1]

    def __enter__(self):
        threading.Thread(target=self.serve_forever, daemon=True).start()
        return self

    def __exit__(self, *exc):
        self.shutdown()
        self.server_close()


class _Session(socketserver.StreamRequestHandler):
    def handle(self):
        server = self.server
        with server._lock:
            server.connections += 1
            if server.connections <= server.failures:
                return  # closed without a greeting: smtplib raises SMTPServerDisconnected
        self.say("220 localhost test SMTP")
        while line := self.rfile.readline():
            command = line.decode("ascii", "replace").strip().upper()
            if command.startswith(("EHLO", "HELO")):
                self.say("250 localhost")
            elif command == "DATA":
                self.say("354 go on")
                data = b""
                while (chunk := self.rfile.readline()) not in (b".\r\n", b""):
                    data += chunk[1:] if chunk.startswith(b"..") else chunk
                with server._lock:
                    server.messages.append(message_from_bytes(data, policy=default))
                self.say("250 queued")
            elif command == "QUIT":
                self.say("221 bye")
                return
            else:  # MAIL FROM, RCPT TO, RSET, NOOP
                self.say("250 ok")

    def say(self, reply):
        self.wfile.write(reply.encode() + b"\r\n")
