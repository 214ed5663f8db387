"""The `tafel` command: serve, migrate, export the contract (later: jobs, audit, admin, backup)."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

import migrations

Handler = Callable[[argparse.Namespace], int]


def alembic_config(database_url: str) -> object:
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(Path(migrations.__file__).parent))
    config.attributes["database_url"] = database_url
    return config


def _serve(args: argparse.Namespace) -> int:
    import uvicorn

    from api.app import create_app
    from api.settings import Settings

    overrides = {key: value for key in ("host", "port") if (value := getattr(args, key))}
    settings = Settings(**overrides)
    if args.migrate:
        _upgrade_database(settings.database_url)
    uvicorn.run(
        create_app(settings),
        host=settings.host,
        port=settings.port,
        proxy_headers=True,
        server_header=False,
        log_level="info",
    )
    return 0


def _upgrade_database(database_url: str) -> None:
    from alembic import command

    if database_url.startswith("sqlite") and ":memory:" not in database_url:
        path = database_url.split("///", 1)[-1]
        Path(path).parent.mkdir(parents=True, exist_ok=True)
    command.upgrade(alembic_config(database_url), "head")  # type: ignore[arg-type]


def _db_upgrade(_args: argparse.Namespace) -> int:
    from api.settings import Settings

    _upgrade_database(Settings().database_url)
    return 0


def _openapi_export(args: argparse.Namespace) -> int:
    from api.app import create_app
    from api.openapi import export
    from api.settings import Settings

    export(create_app(Settings(spa_dir=Path("/nonexistent"))), Path(args.output))
    print(f"wrote {args.output}")  # noqa: T201 (command-line output)
    return 0


def parser() -> argparse.ArgumentParser:
    root = argparse.ArgumentParser(prog="tafel", description="Tafel: LIVC-R case consultation")
    commands = root.add_subparsers(dest="command", required=True)

    serve = commands.add_parser("serve", help="serve the API and the web app")
    serve.add_argument("--host", help="overrides TAFEL_HOST")
    serve.add_argument("--port", type=int, help="overrides TAFEL_PORT")
    serve.add_argument("--migrate", action="store_true", help="upgrade the database first")
    serve.set_defaults(handler=_serve)

    db = commands.add_parser("db", help="database schema").add_subparsers(dest="db", required=True)
    db.add_parser("upgrade", help="migrate to the latest schema").set_defaults(handler=_db_upgrade)

    openapi = commands.add_parser("openapi", help="the API contract")
    openapi_commands = openapi.add_subparsers(dest="openapi", required=True)
    export = openapi_commands.add_parser("export", help="write openapi.yaml")
    export.add_argument("--output", default="openapi.yaml")
    export.set_defaults(handler=_openapi_export)
    return root


def main(argv: Sequence[str] | None = None) -> int:
    args = parser().parse_args(argv)
    handler: Handler = args.handler
    return handler(args)


if __name__ == "__main__":
    sys.exit(main())
