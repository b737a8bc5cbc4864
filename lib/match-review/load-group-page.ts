// What a group list page needs besides the groups: who made them, their notes, filter options.
import type { Tx } from "@/lib/db/client";
import type { MatchStatus } from "@/lib/db/generated/enums";
import { listGroups, type GroupFilter } from "./list-groups";
import { listNotes } from "./notes";
import { peopleNames } from "./workspace-summary";

export async function loadGroupPage(tx: Tx, orgId: string, statuses: readonly MatchStatus[], filter: GroupFilter, timeZone: string, pageSize?: number) {
  const page = await listGroups(tx, orgId, statuses, filter, pageSize);
  const notes = await listNotes(tx, orgId, "GROUP", page.groups.map((group) => group.id));
  const people = await peopleNames(tx, [...page.groups.map((group) => group.createdById), ...notes.map((note) => note.createdById)]);
  const stamp = new Intl.DateTimeFormat("zh-CN", { timeZone, dateStyle: "short", timeStyle: "short" });
  const notesByGroup: Record<string, { id: string; body: string; author: string; at: string }[]> = {};
  for (const note of notes) {
    (notesByGroup[note.targetId] ??= []).push({ id: note.id, body: note.body, author: note.createdById ? (people[note.createdById] ?? "") : "", at: stamp.format(note.createdAt) });
  }
  return { page, people, notes: notesByGroup };
}
