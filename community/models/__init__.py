from .committees import CommitteeMeeting, CommitteeMember, LocalCommunityCommittee
from .innbyggertorg import HoursException, Innbyggertorg, Service, WeeklyHours

__all__ = [
    "CommitteeMeeting", "CommitteeMember", "HoursException", "Innbyggertorg", "LocalCommunityCommittee",
    "Service", "WeeklyHours",
]
