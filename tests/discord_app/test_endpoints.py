from __future__ import annotations

from discord.gateway import DiscordWebSocket
from discord.http import Route

from bot.config import Settings
from bot.discord_app.client import create_bot
from bot.discord_app.endpoints import use_endpoints


def test_defaults_are_discord():
    use_endpoints(Settings())
    assert Route("GET", "/users/@me").url == "https://discord.com/api/v10/users/@me"
    assert DiscordWebSocket.DEFAULT_GATEWAY.host == "gateway.discord.gg"
    assert DiscordWebSocket.DEFAULT_GATEWAY.scheme == "wss"


def test_a_local_server_on_plain_ws_and_http():
    use_endpoints(
        Settings(api_base="http://127.0.0.1:5000/api/v10", gateway_url="ws://127.0.0.1:5000")
    )
    assert Route("GET", "/gateway/bot").url == "http://127.0.0.1:5000/api/v10/gateway/bot"
    # discord.py adds the query itself when it connects:
    url = DiscordWebSocket.DEFAULT_GATEWAY.with_query(v=10, encoding="json")
    assert str(url) == "ws://127.0.0.1:5000/?v=10&encoding=json"


def test_a_gateway_path_is_kept():
    use_endpoints(Settings(gateway_url="ws://127.0.0.1:5000/gateway"))
    url = DiscordWebSocket.DEFAULT_GATEWAY.with_query(v=10)
    assert str(url) == "ws://127.0.0.1:5000/gateway?v=10"


async def test_create_bot_applies_the_endpoints(kb):
    settings = Settings(api_base="http://127.0.0.1:9/api/v10", gateway_url="ws://127.0.0.1:9")
    async with create_bot(settings, kb):
        assert Route.BASE == "http://127.0.0.1:9/api/v10"
        assert DiscordWebSocket.DEFAULT_GATEWAY.host == "127.0.0.1"
