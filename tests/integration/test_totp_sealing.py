"""TOTP seeds are sealed at rest: a copy of the database or a backup does not hand out every
account's second factor (RELIABILITY.md, secrets at rest). Seeds stored in clear by an earlier
release still work and are sealed at the account's next save."""

from __future__ import annotations

from collections.abc import AsyncIterator

import pytest
from pydantic import SecretStr
from sqlalchemy import text

from adapters.sqlalchemy.repositories.identity import SealedSecretUnreadable
from api.app import create_app
from api.dependencies import Services, build_services
from api.settings import Settings
from tests.support.identity import make_account


@pytest.fixture
async def closing(services: Services) -> AsyncIterator[Services]:
    yield services
    await services.close()


async def stored_seed(services: Services, email: str) -> str:
    async with services.engine.connect() as connection:
        return str(
            await connection.scalar(
                text("SELECT totp_secret FROM user_account WHERE email = :email"), {"email": email}
            )
        )


async def test_the_seed_is_stored_sealed_and_read_back_in_clear(closing: Services) -> None:
    account = await make_account(closing, "zegel@tafel.example")
    assert account.totp_secret
    stored = await stored_seed(closing, account.email)
    assert stored.startswith("v1.")
    assert account.totp_secret not in stored
    async with closing.unit_of_work(read_only=True) as uow:
        user = await uow.users.get(account.id)
    assert user is not None
    assert user.totp_secret == account.totp_secret


async def test_a_seed_in_clear_is_read_and_sealed_at_the_next_save(closing: Services) -> None:
    account = await make_account(closing, "oud@tafel.example")
    async with closing.engine.begin() as connection:
        await connection.execute(
            text("UPDATE user_account SET totp_secret = :seed WHERE email = :email"),
            {"seed": account.totp_secret, "email": account.email},
        )
    async with closing.unit_of_work() as uow:
        user = await uow.users.get(account.id)
        assert user is not None
        assert user.totp_secret == account.totp_secret
        await uow.users.save(user)
        await uow.commit()
    assert (await stored_seed(closing, account.email)).startswith("v1.")


async def test_a_sealed_seed_copied_onto_another_account_does_not_open(closing: Services) -> None:
    """The sealed form is bound to its account: moving it is not a way to share a factor."""
    first = await make_account(closing, "eerste@tafel.example")
    second = await make_account(closing, "tweede@tafel.example")
    sealed = await stored_seed(closing, first.email)
    async with closing.engine.begin() as connection:
        await connection.execute(
            text("UPDATE user_account SET totp_secret = :seed WHERE email = :email"),
            {"seed": sealed, "email": second.email},
        )
    async with closing.unit_of_work(read_only=True) as uow:
        with pytest.raises(SealedSecretUnreadable, match="TAFEL_SECRET_KEY"):
            await uow.users.get(second.id)


async def test_a_server_with_another_key_refuses_to_start_and_says_why(
    closing: Services, settings: Settings
) -> None:
    """Started with another `TAFEL_SECRET_KEY`, every request of an account with a sealed seed
    would answer 500; the server refuses to start instead, naming the setting."""
    await make_account(closing, "sleutel@tafel.example")
    await closing.check_secret_key()  # the key that sealed it starts
    other_key = settings.model_copy(update={"secret_key": SecretStr("another-key-" * 4)})
    other = build_services(other_key)
    try:
        with pytest.raises(SealedSecretUnreadable, match="TAFEL_SECRET_KEY"):
            await other.check_secret_key()
        app = create_app(other_key, services=other)
        with pytest.raises(SealedSecretUnreadable):
            async with app.router.lifespan_context(app):
                pass
    finally:
        await other.close()


async def test_a_database_that_does_not_answer_yet_does_not_stop_the_start(
    settings: Settings,
) -> None:
    """The check needs the database; without it the server still starts (and answers 503)."""
    unreachable = settings.model_copy(
        update={"database_url": "postgresql://tafel@127.0.0.1:1/tafel?connect_timeout=1"}
    )
    services = build_services(unreachable)
    try:
        await services.check_secret_key()
    finally:
        await services.close()
