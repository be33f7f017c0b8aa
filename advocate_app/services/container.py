"""The services the application uses, built once at start-up by the composition root."""

from __future__ import annotations

from dataclasses import dataclass

from advocate_app.domain.accounts import Actor
from advocate_app.services.members import MemberService
from advocate_app.storage.unit_of_work import UnitOfWorkFactory


@dataclass(frozen=True)
class Services:
    uow: UnitOfWorkFactory
    actor: Actor
    members: MemberService

    @classmethod
    def build(cls, uow: UnitOfWorkFactory, actor: Actor) -> Services:
        return cls(uow=uow, actor=actor, members=MemberService(uow, actor))
