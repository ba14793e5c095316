#!/usr/bin/python3
"""A real Socket.IO server (python-socketio, Debian's python3-socketio) that answers
`aiprompt.create` by emitting recorded aiprompt events on the `aiprompt` channel, like Luzmo's
Socket.IO transport. Test peer for Chartroom; listens on 127.0.0.1 and a free port, prints
"listening on PORT" when ready.

  aiprompt_server.py --events FILE.sse [--key K --token T] [--delay S] [--drop-after N]
                     [--ping-interval S]
"""
import argparse
import asyncio
import json

import socketio
from aiohttp import web


def recorded_events(path):
    events = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            if line.startswith("data: "):
                data = line[len("data: "):].rstrip("\n")
                events.append(data if data == "[DONE]" else json.loads(data))
    return events


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--events", required=True)
    parser.add_argument("--key", default="k")
    parser.add_argument("--token", default="t")
    parser.add_argument("--delay", type=float, default=0.01)
    parser.add_argument("--drop-after", type=int, default=-1)
    parser.add_argument("--ping-interval", type=float, default=25)
    args = parser.parse_args()
    events = recorded_events(args.events)

    sio = socketio.AsyncServer(async_mode="aiohttp", ping_interval=args.ping_interval,
                               ping_timeout=max(1, args.ping_interval))
    app = web.Application()
    sio.attach(app)
    received = []

    @sio.on("aiprompt.create")
    async def create(sid, body):
        received.append(body)
        if body.get("key") != args.key or body.get("token") != args.token:
            await sio.emit("aiprompt", {"type": "error", "message": "Invalid key or token."}, to=sid)
            await sio.emit("aiprompt", {"type": "finish", "result": None}, to=sid)
            return
        properties = body.get("properties", {})
        # As strict as Luzmo's documented create: properties.input with exactly one text input.
        texts = [i for i in properties.get("input", []) if isinstance(i, dict)
                 and i.get("type") == "text" and isinstance(i.get("text"), str)]
        if len(texts) != 1 or not texts[0]["text"].strip():
            await sio.emit("aiprompt", {"type": "error",
                                        "message": "Exactly one text input is required."}, to=sid)
            await sio.emit("aiprompt", {"type": "finish", "result": None}, to=sid)
            return
        for i, event in enumerate(events):
            if i == args.drop_after:
                await sio.disconnect(sid)
                return
            if isinstance(event, dict) and properties.get("conversation_id"):
                event = dict(event, conversation_id=properties["conversation_id"])
            await sio.emit("aiprompt", event, to=sid)
            await asyncio.sleep(args.delay)

    @sio.on("received")
    async def report(sid, _):
        await sio.emit("received", received, to=sid)

    async def serve():
        runner = web.AppRunner(app)
        await runner.setup()
        site = web.TCPSite(runner, "127.0.0.1", 0)
        await site.start()
        port = site._server.sockets[0].getsockname()[1]
        print(f"listening on {port}", flush=True)
        await asyncio.Event().wait()

    asyncio.run(serve())


if __name__ == "__main__":
    main()
