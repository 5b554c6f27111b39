/**
 * The allow-list: the only components MDX content may use. Content files never import anything;
 * pages pass this map to <Content components={userComponents} />, and the MDX guard refuses any
 * other capitalised tag.
 */
import Callout from './Callout.astro';
import Checklist from './Checklist.astro';
import SourceNote from './SourceNote.astro';
import Steps from './Steps.astro';

export const userComponents = { Callout, Checklist, SourceNote, Steps };
export type UserComponentName = keyof typeof userComponents;
