from enum import StrEnum


class ScopeCategory(StrEnum):
    ORGANIZATION = "organization"
    PERSONAL = "personal"
    UNMAPPED = ""
    WORKSPACE = "workspace"

    def __str__(self) -> str:
        return str(self.value)
