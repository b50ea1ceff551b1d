"""A local SMTP relay for SmtpMailerIT (aiosmtpd, from requirements-dev.txt): AUTH LOGIN/PLAIN with one user, each
accepted message saved as <n>.eml (with <n>.rcpt, the envelope) in a folder; recipients at refused.example.org are
answered 550. Usage: smtp_server.py PORT FOLDER USER PASSWORD; prints "ready", stops when stdin closes."""
import os
import sys
import time
import warnings

from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult, LoginPassword

port, folder, user, password = int(sys.argv[1]), sys.argv[2], sys.argv[3], sys.argv[4]


class Save:
    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        if address.endswith("@refused.example.org"):
            return "550 5.1.1 mailbox unavailable"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        name = os.path.join(folder, "%d" % time.time_ns())
        with open(name + ".rcpt", "w", encoding="utf-8") as out:
            out.write("\n".join([envelope.mail_from] + envelope.rcpt_tos))
        with open(name + ".tmp", "wb") as out:
            out.write(envelope.original_content)
        os.rename(name + ".tmp", name + ".eml")
        return "250 OK"


def authenticate(server, session, envelope, mechanism, auth_data):
    ok = (isinstance(auth_data, LoginPassword) and auth_data.login.decode() == user
          and auth_data.password.decode() == password)
    return AuthResult(success=ok)


# plain SMTP with AUTH is what this local test server is for (no certificate here); production requires STARTTLS
warnings.filterwarnings("ignore", message="Requiring AUTH while not requiring TLS")
controller = Controller(Save(), hostname="127.0.0.1", port=port, authenticator=authenticate,
                        auth_required=True, auth_require_tls=False)
controller.start()
print("ready", flush=True)
sys.stdin.read()
controller.stop()
