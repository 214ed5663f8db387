"""The `tafel` command: serve, migrate, export the contract (later: jobs, audit, admin, backup)."""

from __future__ import annotations

import argparse
import asyncio
import json
import sys
from collections.abc import Awaitable, Callable, Sequence
from pathlib import Path
from typing import Any

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
    if settings.seed_demo:
        _seed_demo(settings)
    uvicorn.run(
        create_app(settings),
        host=settings.host,
        port=settings.port,
        proxy_headers=True,
        server_header=False,
        log_level="info",
    )
    return 0


def _seed_demo(settings: Any) -> None:
    from api.demo import describe, seed_demo, write_credentials
    from api.dependencies import build_services

    async def seed() -> list[Any]:
        services = build_services(settings)
        try:
            return await seed_demo(services)
        finally:
            await services.close()

    created = asyncio.run(seed())
    if created and settings.demo_credentials_file is not None:
        write_credentials(created, settings.demo_credentials_file)
    print(describe(created) if created else "Demo data already present.")  # noqa: T201


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


def _run(coroutine_factory: Callable[[Any], Awaitable[int]]) -> int:
    """Run an async command with the services of the configured settings."""
    from api.dependencies import build_services
    from api.settings import Settings

    async def main() -> int:
        services = build_services(Settings())
        try:
            return await coroutine_factory(services)
        finally:
            await services.close()

    return asyncio.run(main())


def _create_user(args: argparse.Namespace) -> int:
    from domain.identity import accounts
    from domain.identity.model import Language, PlatformRole

    roles = frozenset({PlatformRole.platform_administrator} if args.platform_admin else set())
    roles |= {PlatformRole.auditor} if args.auditor else set()
    account = accounts.NewAccount(
        email=args.email,
        display_name=args.name,
        language=Language(args.language),
        platform_roles=roles,
    )

    async def create(services: Any) -> int:
        user, password = await accounts.create_account(
            services.unit_of_work(), services.hasher, services.clock, None, account
        )
        print(f"account {user.email} ({user.id})")  # noqa: T201
        print(f"one-time password: {password}")  # noqa: T201
        print("change it at first login; a second factor is enrolled then too")  # noqa: T201
        return 0

    return _run(create)


def _audit_verify(args: argparse.Namespace) -> int:
    from domain.audit import anchoring, use_cases

    documents = [
        anchoring.from_json(json.loads(Path(path).read_text(encoding="utf-8")))
        for path in args.anchors
    ]

    async def verify(services: Any) -> int:
        report = await use_cases.verify_everything(
            services.unit_of_work(read_only=True), services.anchor_signer, documents
        )
        for chain in report.chains:
            state = "intact" if chain.intact else f"BROKEN at seq {chain.first_broken_seq}"
            print(f"{chain.chain}: {chain.length} events, {state}")  # noqa: T201
        for name, reason in sorted(report.anchor_failures.items()):
            print(f"{name}: anchor check failed ({reason})")  # noqa: T201
        print("audit trail intact" if report.intact else "AUDIT TRAIL TAMPERED")  # noqa: T201
        return 0 if report.intact else 1

    return _run(verify)


def _audit_anchor(args: argparse.Namespace) -> int:
    from domain.audit import anchoring, use_cases

    async def anchor(services: Any) -> int:
        document = await use_cases.signed_heads(
            services.unit_of_work(read_only=True), services.clock, services.anchor_signer, None
        )
        documents.append(document)
        return 0

    documents: list[anchoring.SignedHeads] = []
    status = _run(anchor)
    text = json.dumps(anchoring.to_json(documents[0]), indent=2)
    if args.output == "-":
        print(text)  # noqa: T201
    else:
        Path(args.output).write_text(text + "\n", encoding="utf-8")
        print(f"wrote {args.output}: {len(documents[0].heads)} chain heads")  # noqa: T201
    return status


def _jobs_purge(_args: argparse.Namespace) -> int:
    from domain.cases.retention import purge_expired

    async def purge(services: Any) -> int:
        run = await purge_expired(services.unit_of_work, services.clock)
        print(f"retention run {run.id}: {len(run.purged)} closed cases purged")  # noqa: T201
        return 0

    return _run(purge)


def _jobs_deliver(_args: argparse.Namespace) -> int:
    from domain.webhooks.delivery import deliver_due

    async def deliver(services: Any) -> int:
        run = await deliver_due(services.unit_of_work, services.clock, services.webhook_sender)
        print(  # noqa: T201
            f"webhooks: {len(run.delivered)} delivered, {len(run.failed)} failed attempts, "
            f"{len(run.disabled)} webhooks disabled"
        )
        return 0

    return _run(deliver)


def _jobs_remind(_args: argparse.Namespace) -> int:
    from domain.meetings.reminders import send_reminders

    async def remind(services: Any) -> int:
        run = await send_reminders(services.unit_of_work, services.clock, services.mailer)
        print(  # noqa: T201
            f"reminders: {run.cadence} cadence, {run.meetings} meetings, {run.actions} actions, "
            f"{len(run.failed)} not sent"
        )
        return 1 if run.failed else 0

    return _run(remind)


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
    jobs = commands.add_parser("jobs", help="periodic jobs (cron), idempotent")
    job_commands = jobs.add_subparsers(dest="jobs", required=True)
    purge = job_commands.add_parser("purge", help="purge closed cases past retention (R-PRIV-6)")
    purge.set_defaults(handler=_jobs_purge)
    deliver = job_commands.add_parser("deliver", help="send due webhook deliveries (retries too)")
    deliver.set_defaults(handler=_jobs_deliver)
    remind = job_commands.add_parser(
        "remind", help="mail cadence, meeting and overdue-action reminders, each once"
    )
    remind.set_defaults(handler=_jobs_remind)

    admin = commands.add_parser("admin", help="administration")
    admin_commands = admin.add_subparsers(dest="admin", required=True)
    create_user = admin_commands.add_parser("create-user", help="create an account")
    create_user.add_argument("--email", required=True)
    create_user.add_argument("--name", required=True, help="display name")
    create_user.add_argument("--language", default="nl", choices=["nl", "fr", "de", "en"])
    create_user.add_argument("--platform-admin", action="store_true")
    create_user.add_argument("--auditor", action="store_true", help="platform-wide auditor")
    create_user.set_defaults(handler=_create_user)

    audit = commands.add_parser("audit", help="the audit trail")
    audit_commands = audit.add_subparsers(dest="audit", required=True)
    verify = audit_commands.add_parser("verify", help="re-hash every chain, check anchors")
    verify.add_argument("--anchors", nargs="*", default=[], help="anchor files to check")
    verify.set_defaults(handler=_audit_verify)
    anchor = audit_commands.add_parser("anchor", help="export signed chain heads")
    anchor.add_argument("--output", default="-", help="file to write, - for standard output")
    anchor.set_defaults(handler=_audit_anchor)
    return root


def main(argv: Sequence[str] | None = None) -> int:
    args = parser().parse_args(argv)
    handler: Handler = args.handler
    return handler(args)


if __name__ == "__main__":
    sys.exit(main())
