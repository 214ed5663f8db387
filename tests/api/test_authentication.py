"""Login with password and TOTP, sessions, refresh rotation, revocation, throttling (issue 3)."""

from __future__ import annotations

import httpx
import pyotp
import pytest

from api.dependencies import Services
from domain.identity.model import PlatformRole
from tests.support.clock import MutableClock
from tests.support.identity import (
    Account,
    bearer,
    current_code,
    grant,
    log_in,
    make_account,
    revoke_grant,
)

LOGIN = "/api/v1/auth/login"


async def password_step(client: httpx.AsyncClient, email: str, password: str) -> httpx.Response:
    return await client.post(LOGIN, json={"email": email, "password": password})


@pytest.fixture
async def member(services: Services) -> Account:
    return await make_account(services, "member@cell-a.example")


@pytest.fixture
async def admin(services: Services) -> Account:
    return await make_account(
        services,
        "admin@platform.example",
        platform_roles=frozenset({PlatformRole.platform_administrator}),
    )


class TestLogin:
    async def test_password_then_totp_gives_an_access_token(
        self, client: httpx.AsyncClient, member: Account, clock: MutableClock
    ) -> None:
        token = await log_in(client, member, clock)
        me = await client.get("/api/v1/me", headers=bearer(token))
        assert me.status_code == 200
        assert me.json()["email"] == member.email
        assert me.json()["secondFactorEnrolled"] is True

    async def test_refresh_cookie_is_http_only_secure_strict_and_scoped(
        self, client: httpx.AsyncClient, member: Account, clock: MutableClock
    ) -> None:
        first = await password_step(client, member.email, member.password)
        second = await client.post(
            "/api/v1/auth/mfa",
            json={"code": current_code(member, clock)},
            headers=bearer(first.json()["challengeToken"]),
        )
        cookie = second.headers["set-cookie"]
        assert "tafel_refresh=" in cookie
        for attribute in ("HttpOnly", "Secure", "SameSite=strict", "Path=/api/v1/auth"):
            assert attribute.lower() in cookie.lower(), attribute

    async def test_no_token_without_the_second_factor(
        self, client: httpx.AsyncClient, member: Account
    ) -> None:
        response = await password_step(client, member.email, member.password)
        body = response.json()
        assert body["status"] == "secondFactorRequired"
        assert "accessToken" not in body
        # The challenge token is not an access token.
        assert (
            await client.get("/api/v1/me", headers=bearer(body["challengeToken"]))
        ).status_code == 401

    async def test_totp_code_cannot_be_used_twice(
        self, client: httpx.AsyncClient, member: Account, clock: MutableClock
    ) -> None:
        code = current_code(member, clock)
        for expected in (200, 401):
            challenge = (await password_step(client, member.email, member.password)).json()
            response = await client.post(
                "/api/v1/auth/mfa",
                json={"code": code},
                headers=bearer(challenge["challengeToken"]),
            )
            assert response.status_code == expected

    async def test_a_challenge_opens_one_session_only(
        self, client: httpx.AsyncClient, member: Account, clock: MutableClock
    ) -> None:
        """A challenge token seen by someone else (a shared screen, a proxy log) must not open a
        second session once its owner used it, even with the next valid code."""
        challenge = (await password_step(client, member.email, member.password)).json()
        spent = bearer(challenge["challengeToken"])
        first = await client.post(
            "/api/v1/auth/mfa", json={"code": current_code(member, clock)}, headers=spent
        )
        assert first.status_code == 200, first.text
        clock.advance(seconds=30)
        code = current_code(member, clock)
        again = await client.post("/api/v1/auth/mfa", json={"code": code}, headers=spent)
        assert again.status_code == 401
        # The code itself was good: a fresh challenge takes it.
        fresh = (await password_step(client, member.email, member.password)).json()
        accepted = await client.post(
            "/api/v1/auth/mfa",
            json={"code": code},
            headers=bearer(fresh["challengeToken"]),
        )
        assert accepted.status_code == 200, accepted.text

    async def test_wrong_code_is_refused(self, client: httpx.AsyncClient, member: Account) -> None:
        challenge = (await password_step(client, member.email, member.password)).json()
        response = await client.post(
            "/api/v1/auth/mfa", json={"code": "000000"}, headers=bearer(challenge["challengeToken"])
        )
        assert response.status_code == 401

    async def test_access_token_is_not_a_challenge(
        self, client: httpx.AsyncClient, member: Account, clock: MutableClock
    ) -> None:
        token = await log_in(client, member, clock)
        response = await client.post(
            "/api/v1/auth/mfa", json={"code": current_code(member, clock)}, headers=bearer(token)
        )
        assert response.status_code == 401


class TestEnrolment:
    async def test_first_login_enrols_totp_and_changes_the_one_time_password(
        self, client: httpx.AsyncClient, services: Services, clock: MutableClock
    ) -> None:
        newcomer = await make_account(
            services, "newcomer@cell-a.example", enrol=False, must_change_password=True
        )
        step = (await password_step(client, newcomer.email, newcomer.password)).json()
        assert step["status"] == "enrolmentRequired"
        enrolment = await client.post(
            "/api/v1/auth/mfa/enrolment", headers=bearer(step["challengeToken"])
        )
        assert enrolment.status_code == 201
        body = enrolment.json()
        assert body["provisioningUri"].startswith("otpauth://totp/")
        assert body["qrCode"].startswith("data:image/svg+xml")
        code = pyotp.TOTP(body["secret"]).at(clock.now())
        done = await client.post(
            "/api/v1/auth/mfa", json={"code": code}, headers=bearer(step["challengeToken"])
        )
        assert done.status_code == 200
        assert done.json()["passwordChangeRequired"] is True
        token = done.json()["accessToken"]
        # Until the password is changed, only the profile and the password change are open.
        assert (await client.get("/api/v1/users", headers=bearer(token))).status_code == 403
        me = await client.get("/api/v1/me", headers=bearer(token))
        assert me.json()["passwordChangeRequired"] is True
        change = await client.post(
            "/api/v1/me/password",
            json={"currentPassword": newcomer.password, "newPassword": "a much better passphrase"},
            headers=bearer(token),
        )
        assert change.status_code == 204
        # The password change ended the session: the old token fails on the next request.
        assert (await client.get("/api/v1/me", headers=bearer(token))).status_code == 401

    async def test_enrolment_is_refused_once_a_factor_exists(
        self, client: httpx.AsyncClient, member: Account
    ) -> None:
        step = (await password_step(client, member.email, member.password)).json()
        response = await client.post(
            "/api/v1/auth/mfa/enrolment", headers=bearer(step["challengeToken"])
        )
        assert response.status_code == 409


class TestNoEnumeration:
    async def test_unknown_account_and_wrong_password_answer_alike(
        self, client: httpx.AsyncClient, member: Account
    ) -> None:
        wrong = await password_step(client, member.email, "not the password")
        unknown = await password_step(client, "nobody@nowhere.example", "not the password")
        assert wrong.status_code == unknown.status_code == 401

        def strip(body: dict[str, object]) -> dict[str, object]:
            return {key: value for key, value in body.items() if key != "instance"}

        assert strip(wrong.json()) == strip(unknown.json())
        assert wrong.headers["WWW-Authenticate"] == unknown.headers["WWW-Authenticate"]

    async def test_disabled_account_answers_like_a_wrong_password(
        self,
        client: httpx.AsyncClient,
        member: Account,
        admin: Account,
        clock: MutableClock,
    ) -> None:
        token = await log_in(client, admin, clock)
        await client.patch(
            f"/api/v1/users/{member.id}", json={"active": False}, headers=bearer(token)
        )
        response = await password_step(client, member.email, member.password)
        assert response.status_code == 401
        assert response.json()["type"] == "urn:problem-type:tafel:invalidCredentials"


class TestThrottling:
    async def test_sixth_attempt_after_five_failures_is_429_with_retry_after(
        self, client: httpx.AsyncClient, member: Account, clock: MutableClock
    ) -> None:
        for _ in range(5):
            assert (await password_step(client, member.email, "wrong")).status_code == 401
        locked = await password_step(client, member.email, member.password)
        assert locked.status_code == 429
        assert locked.json()["type"] == "urn:problem-type:belgif:tooManyFailedRequests"
        assert int(locked.headers["Retry-After"]) > 0
        assert locked.json()["retryAfterSec"] == int(locked.headers["Retry-After"])
        clock.advance(minutes=6)
        assert (await password_step(client, member.email, member.password)).status_code == 200

    async def test_unknown_accounts_are_throttled_too(self, client: httpx.AsyncClient) -> None:
        statuses = [
            (await password_step(client, "ghost@nowhere.example", "wrong")).status_code
            for _ in range(6)
        ]
        assert statuses == [401] * 5 + [429]

    async def test_wrong_codes_count_as_failures(
        self, client: httpx.AsyncClient, member: Account
    ) -> None:
        challenge = (await password_step(client, member.email, member.password)).json()
        statuses = []
        for _ in range(6):
            response = await client.post(
                "/api/v1/auth/mfa",
                json={"code": "999999"},
                headers=bearer(challenge["challengeToken"]),
            )
            statuses.append(response.status_code)
        assert statuses[-1] == 429


class TestRevocation:
    """The old access token fails on the very next request (ASVS 7.4.1, 7.4.2, 8.3.2)."""

    async def test_logout(
        self, client: httpx.AsyncClient, member: Account, clock: MutableClock
    ) -> None:
        token = await log_in(client, member, clock)
        assert (await client.post("/api/v1/auth/logout", headers=bearer(token))).status_code == 204
        assert (await client.get("/api/v1/me", headers=bearer(token))).status_code == 401
        assert (await client.post("/api/v1/auth/refresh")).status_code == 401

    async def test_logout_ends_every_session(
        self, client: httpx.AsyncClient, member: Account, clock: MutableClock
    ) -> None:
        first = await log_in(client, member, clock)
        second = await log_in(client, member, clock)
        await client.post("/api/v1/auth/logout", headers=bearer(second))
        assert (await client.get("/api/v1/me", headers=bearer(first))).status_code == 401

    async def test_password_change(
        self, client: httpx.AsyncClient, member: Account, clock: MutableClock
    ) -> None:
        token = await log_in(client, member, clock)
        other = await log_in(client, member, clock)
        await client.post(
            "/api/v1/me/password",
            json={"currentPassword": member.password, "newPassword": "another good passphrase"},
            headers=bearer(token),
        )
        assert (await client.get("/api/v1/me", headers=bearer(other))).status_code == 401

    async def test_disable(
        self, client: httpx.AsyncClient, member: Account, admin: Account, clock: MutableClock
    ) -> None:
        token = await log_in(client, member, clock)
        admin_token = await log_in(client, admin, clock)
        response = await client.patch(
            f"/api/v1/users/{member.id}", json={"active": False}, headers=bearer(admin_token)
        )
        assert response.status_code == 200
        assert response.json()["active"] is False
        assert (await client.get("/api/v1/me", headers=bearer(token))).status_code == 401

    async def test_role_removal(
        self, client: httpx.AsyncClient, services: Services, member: Account, clock: MutableClock
    ) -> None:
        await grant(services, member, PlatformRole.auditor, None)
        token = await log_in(client, member, clock)
        assert (await client.get("/api/v1/audit/events", headers=bearer(token))).status_code == 200
        await revoke_grant(services, member, PlatformRole.auditor, None)
        assert (await client.get("/api/v1/audit/events", headers=bearer(token))).status_code == 403


class TestRefresh:
    async def test_refresh_rotates_and_reuse_ends_the_session(
        self, client: httpx.AsyncClient, member: Account, clock: MutableClock
    ) -> None:
        await log_in(client, member, clock)
        old_cookie = client.cookies.get("tafel_refresh", path="/api/v1/auth")
        assert old_cookie
        refreshed = await client.post("/api/v1/auth/refresh")
        assert refreshed.status_code == 200
        new_token = refreshed.json()["accessToken"]
        assert client.cookies.get("tafel_refresh", path="/api/v1/auth") != old_cookie
        assert (await client.get("/api/v1/me", headers=bearer(new_token))).status_code == 200
        # A thief replays the spent token: the whole session ends, for the thief and the owner.
        replay = await client.post(
            "/api/v1/auth/refresh", headers={"Cookie": f"tafel_refresh={old_cookie}"}
        )
        assert replay.status_code == 401
        assert (await client.get("/api/v1/me", headers=bearer(new_token))).status_code == 401

    async def test_refresh_without_cookie_is_401(self, client: httpx.AsyncClient) -> None:
        assert (await client.post("/api/v1/auth/refresh")).status_code == 401


class TestPasswordPolicy:
    async def test_short_password_is_refused_and_nothing_changes(
        self, client: httpx.AsyncClient, member: Account, clock: MutableClock
    ) -> None:
        token = await log_in(client, member, clock)
        response = await client.post(
            "/api/v1/me/password",
            json={"currentPassword": member.password, "newPassword": "short"},
            headers=bearer(token),
        )
        assert response.status_code == 400
        issue = response.json()["issues"][0]
        assert issue["name"] == "newPassword"
        assert "short" not in response.text
        assert (await client.get("/api/v1/me", headers=bearer(token))).status_code == 200

    async def test_wrong_current_password_is_refused(
        self, client: httpx.AsyncClient, member: Account, clock: MutableClock
    ) -> None:
        token = await log_in(client, member, clock)
        response = await client.post(
            "/api/v1/me/password",
            json={"currentPassword": "wrong", "newPassword": "a perfectly fine passphrase"},
            headers=bearer(token),
        )
        assert response.status_code == 401
