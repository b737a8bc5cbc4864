/** A member of the company as the follow-up controls offer them (owner pickers). */
export type Member = { id: string; name: string };
