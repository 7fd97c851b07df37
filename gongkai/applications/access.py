"""Who may do what with cases, on top of gongkai.agencies.access.

cases_visible_to(user)            queryset: cases of every agency the person may see (404 elsewhere)
CaseAccess(user, agency)          what the person may do with that agency's cases
"""

from dataclasses import dataclass

from gongkai.agencies.access import agencies_visible_to, roles_of
from gongkai.agencies.models import Role

from .models import Application

# Registering cases and recording what happened to them: the disclosure office's work.
EDIT_ROLES = frozenset({Role.REGISTRAR, Role.ADMIN})
# Seeing a full identity number, after an explicit and audited request.
REVEAL_ROLES = frozenset({Role.REGISTRAR, Role.ADMIN})


def cases_visible_to(user):
    return Application.objects.filter(agency__in=agencies_visible_to(user))


@dataclass(frozen=True)
class CaseAccess:
    roles: frozenset

    @classmethod
    def of(cls, user, agency) -> "CaseAccess":
        return cls(frozenset(roles_of(user, agency)))

    @property
    def can_edit(self) -> bool:
        return bool(self.roles & EDIT_ROLES)

    @property
    def can_reveal(self) -> bool:
        return bool(self.roles & REVEAL_ROLES)

    @property
    def sees_personal_data(self) -> bool:
        # A supervisor from above reads cases without the applicant's personal data; anyone holding another
        # role in the agency itself handles the case and sees it (masked identity number).
        return bool(self.roles - {Role.SUPERVISOR})
