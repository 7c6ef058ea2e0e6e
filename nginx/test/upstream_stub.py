#!/usr/bin/env python3
"""Stand-in for the Catalyst MCP gateway, used by nginx-test.sh only.

  upstream_stub.py PORT [LOG]

Every request target it receives, as received, is appended to LOG (one a line)
so the test can prove that nothing but /mcp and /health reached it.

POST/DELETE /mcp -> 200 JSON echoing the MCP headers it received and
                    an Mcp-Session-Id response header.
GET /mcp         -> text/event-stream: one event at once, a second after 3 s
                    (lets the test prove that nginx does not buffer SSE).
GET /health      -> 200 {"status":"healthy",...}
anything else    -> 200 {"stub":"leak",...}: a path nginx should not have passed
"""
import json
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


LOG = sys.argv[2] if len(sys.argv) > 2 else None
LOG_LOCK = threading.Lock()


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"  # nginx keeps upstream connections alive

    def parse_request(self):
        ok = super().parse_request()
        if ok and LOG:
            with LOG_LOCK, open(LOG, "a") as f:
                f.write(self.path + "\n")
        return ok

    def log_message(self, fmt, *args):  # quiet: the test prints what matters
        pass

    def _json(self, code, body, extra=None):
        data = json.dumps(body).encode()
        self.send_response(code)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        for k, v in (extra or {}).items():
            self.send_header(k, v)
        self.end_headers()
        self.wfile.write(data)

    def _drain(self):
        n = int(self.headers.get("Content-Length") or 0)
        if n:
            self.rfile.read(n)

    def _echo(self):
        self._drain()
        self._json(200, {
            "stub": "mcp",
            "method": self.command,
            "authorization_present": bool(self.headers.get("Authorization")),
            "mcp_session_id": self.headers.get("Mcp-Session-Id"),
            "mcp_protocol_version": self.headers.get("MCP-Protocol-Version"),
        }, {"Mcp-Session-Id": "stub-session-1"})

    def do_GET(self):
        path = self.path.split("?", 1)[0]
        if path == "/health":
            self._json(200, {"status": "healthy", "service": "stub", "version": "0",
                             "schema": "0", "timestamp": time.time(),
                             "database": "up", "redis": "up"})
        elif path == "/mcp":
            self.send_response(200)
            self.send_header("Content-Type", "text/event-stream")
            self.send_header("Cache-Control", "no-cache")
            self.send_header("Connection", "close")
            self.end_headers()
            self.close_connection = True
            self.wfile.write(b"event: message\ndata: first\n\n")
            self.wfile.flush()
            time.sleep(3)
            self.wfile.write(b"event: message\ndata: second\n\n")
            self.wfile.flush()
        else:
            self._json(200, {"stub": "leak", "path": self.path})

    def do_POST(self):
        if self.path.split("?", 1)[0] == "/mcp":
            self._echo()
        else:
            self._drain()
            self._json(200, {"stub": "leak", "path": self.path})

    do_DELETE = do_POST


if __name__ == "__main__":
    ThreadingHTTPServer.daemon_threads = True
    ThreadingHTTPServer(("127.0.0.1", int(sys.argv[1])), Handler).serve_forever()
