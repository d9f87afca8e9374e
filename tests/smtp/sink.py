"""A real SMTP server for Courtside's email tests (aiosmtpd), keeping every
message it receives as a .eml file in a folder. Usage:

    python3 tests/smtp/sink.py HOST PORT FOLDER

It writes FOLDER/ready once it accepts connections, and runs until killed.
"""
import asyncio
import pathlib
import sys
import uuid

from aiosmtpd.controller import Controller


class Keep:
    def __init__(self, folder: pathlib.Path):
        self.folder = folder

    async def handle_DATA(self, server, session, envelope):
        name = self.folder / f"{uuid.uuid4().hex}.eml"
        name.write_bytes(envelope.original_content or envelope.content)
        return "250 Message accepted for delivery"


def main() -> None:
    host, port, folder = sys.argv[1], int(sys.argv[2]), pathlib.Path(sys.argv[3])
    folder.mkdir(parents=True, exist_ok=True)
    controller = Controller(Keep(folder), hostname=host, port=port)
    controller.start()
    (folder / "ready").write_text("ok")
    try:
        asyncio.get_event_loop().run_forever()
    finally:
        controller.stop()


if __name__ == "__main__":
    main()
