"""The `tafel` command: serve, migrate, export the contract, jobs, audit, admin, backup/restore."""

from __future__ import annotations

import argparse
import asyncio
import json
import sys
from collections.abc import Awaitable, Callable, Mapping, Sequence
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


# Longer than the idle timeout of the usual reverse proxies and load balancers (60 s): the side
# that closes an idle keep-alive connection first races a request already on its way (the client
# sees a reset). uvicorn's 5 s default made that race common (it broke a browser test once).
KEEP_ALIVE_SECONDS = 75


def _serve(args: argparse.Namespace) -> int:
    import uvicorn

    from api.app import create_app
    from api.logs import log_config
    from api.settings import Settings

    overrides = {key: value for key in ("host", "port", "workers") if (value := getattr(args, key))}
    settings = Settings(**overrides)
    if args.migrate:
        _upgrade_database(settings.database_url)
    if settings.seed_demo:
        _seed_demo(settings)
    options: dict[str, Any] = {
        "host": settings.host,
        "port": settings.port,
        "proxy_headers": True,
        "server_header": False,
        "log_level": "info",
        "log_config": log_config(),
        "timeout_keep_alive": KEEP_ALIVE_SECONDS,
    }
    processes = settings.serving_processes
    if processes == 1:
        uvicorn.run(create_app(settings), **options)
        return 0
    from api.serving import Supervisor, listeners

    # Each process builds its own app (and pool) from the same environment, and listens on a
    # socket of its own so that connections spread over the processes.
    config = uvicorn.Config("api.app:create_app", factory=True, workers=processes, **options)
    return Supervisor(config, listeners(config.host, config.port, processes, config.backlog)).run()


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


def _run(
    coroutine_factory: Callable[[Any], Awaitable[int]], settings: Any = None, clock: Any = None
) -> int:
    """Run an async command with the services of the configured settings (or of the given
    settings and clock, for tests)."""
    from api.dependencies import build_services
    from api.settings import Settings

    async def main() -> int:
        services = build_services(settings or Settings(), clock=clock)
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
    from domain.audit import anchoring

    documents = [
        anchoring.from_json(json.loads(Path(path).read_text(encoding="utf-8")))
        for path in args.anchors
    ]

    async def verify(services: Any) -> int:
        return await _verify_audit_trail(services, documents)

    return _run(verify)


async def _verify_audit_trail(services: Any, documents: list[Any]) -> int:
    from domain.audit import use_cases

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


def _backup(args: argparse.Namespace) -> int:
    from api.dependencies import BackupFailed, database_backup
    from api.settings import Settings

    try:
        manifest = database_backup(Settings()).backup(Path(args.file))
    except BackupFailed as error:
        print(f"backup failed: {error}", file=sys.stderr)  # noqa: T201
        return 1
    _print_tables(manifest.tables)
    print(  # noqa: T201
        f"wrote {args.file}: {manifest.backend} at schema {manifest.alembic_revision}, "
        f"{len(manifest.tables)} tables, {manifest.rows} rows"
    )
    return 0


def _print_tables(tables: Mapping[str, Any]) -> None:
    for name, table in sorted(tables.items()):
        print(f"  {name:<28} {table.rows:>9} rows  sha256 {table.sha256[:16]}")  # noqa: T201


def _restore(args: argparse.Namespace) -> int:
    from api.settings import Settings

    return restore(Settings(), Path(args.file), confirmed=args.yes)


def restore(settings: Any, path: Path, *, confirmed: bool, clock: Any = None) -> int:
    """`tafel restore`: check the backup and the target, restore, check the row checksums, bring
    the schema to head, purge again what must stay purged, and verify the audit trail."""
    from api.dependencies import BackupFailed, database_backup

    try:
        backup = database_backup(settings)
        manifest = backup.read(path)
        refusal = _schema_refusal(manifest.alembic_revision)
        counts = backup.row_counts()
        rows = sum(count for table, count in counts.items() if table != "alembic_version")
        if refusal is None and rows and not confirmed:
            refusal = f"the database holds {rows} rows, which the backup would replace; add --yes"
        if refusal is not None:
            print(f"restore refused: {refusal}", file=sys.stderr)  # noqa: T201
            return 1
        # Read before the restore overwrites it: the backup may predate these purges.
        purged_here = backup.purged_case_ids()
        report = backup.restore(path)
    except BackupFailed as error:
        print(f"restore failed: {error}", file=sys.stderr)  # noqa: T201
        return 1
    _print_tables(report.tables)
    print(  # noqa: T201
        f"restored {path} (taken {manifest.created_at.isoformat(timespec='seconds')}): "
        f"{len(report.tables)} tables, {manifest.rows} rows"
    )
    if report.mismatched:
        print(  # noqa: T201
            f"ROW CHECKSUMS DIFFER from the backup: {', '.join(report.mismatched)}",
            file=sys.stderr,
        )
    else:
        print("row checksums match the backup")  # noqa: T201
    if manifest.alembic_revision != _schema_head():
        _upgrade_database(settings.database_url)
        print(f"schema upgraded from {manifest.alembic_revision} to {_schema_head()}")  # noqa: T201

    async def after_restore(services: Any) -> int:
        return await _purge_and_verify(services, manifest.dump_sha256, purged_here)

    status = _run(after_restore, settings, clock)
    return 1 if report.mismatched else status


def _schema_head() -> str | None:
    from alembic.script import ScriptDirectory

    return ScriptDirectory(str(Path(migrations.__file__).parent)).get_current_head()


def _schema_refusal(revision: str | None) -> str | None:
    """Why a backup at this schema revision cannot be restored by this code, if it cannot."""
    from alembic.script import ScriptDirectory
    from alembic.util import CommandError

    if revision is None:
        return "the backup has no schema revision: it is not of a Tafel database"
    script = ScriptDirectory(str(Path(migrations.__file__).parent))
    try:
        known = script.get_revision(revision)
    except CommandError:
        known = None
    if known is None or known.revision != revision:
        return (
            f"the backup's schema {revision} is newer than this Tafel's "
            f"({script.get_current_head()}): restore it with the version that took it"
        )
    return None


async def _purge_and_verify(services: Any, backup: str, purged_here: frozenset[Any]) -> int:
    """No purged content comes back (R-PRIV-6, `domain.cases.retention.after_restore`). A restore
    into another database cannot know of purges made after the backup; they come back through
    the retention job, as long as the cells' retention was not shortened."""
    from domain.cases.retention import after_restore

    again, run = await after_restore(services.unit_of_work, services.clock, backup, purged_here)
    print(  # noqa: T201
        f"purged {again + len(run.purged)} cases: {again} purged here before the restore, "
        f"{len(run.purged)} whose retention ran out (retention run {run.id})"
    )
    return await _verify_audit_trail(services, [])


def parser() -> argparse.ArgumentParser:
    root = argparse.ArgumentParser(prog="tafel", description="Tafel: LIVC-R case consultation")
    commands = root.add_subparsers(dest="command", required=True)

    serve = commands.add_parser("serve", help="serve the API and the web app")
    serve.add_argument("--host", help="overrides TAFEL_HOST")
    serve.add_argument("--port", type=int, help="overrides TAFEL_PORT")
    serve.add_argument("--workers", type=int, help="overrides TAFEL_WORKERS")
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

    backup = commands.add_parser(
        "backup", help="back up the database into one file (pg_dump or the SQLite backup API)"
    )
    backup.add_argument("file", help="the backup file to write (replaced atomically, mode 0600)")
    backup.set_defaults(handler=_backup)
    restore = commands.add_parser(
        "restore",
        help="restore a backup, purge again what must stay purged, verify the audit trail",
    )
    restore.add_argument("file", help="a file written by `tafel backup`")
    restore.add_argument(
        "--yes", action="store_true", help="replace a database that already holds data"
    )
    restore.set_defaults(handler=_restore)
    return root


def main(argv: Sequence[str] | None = None) -> int:
    args = parser().parse_args(argv)
    handler: Handler = args.handler
    return handler(args)


if __name__ == "__main__":
    sys.exit(main())
