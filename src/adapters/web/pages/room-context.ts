import type { FigureContext } from "./room-figures.ts";

/** What every part of the facilitator's room page needs: shared by the page's frame and its consensus form. */
export type RoomPageContext = FigureContext & { base: string; title: string; participantUrl: string; screenUrl: string; labelOfKey: (key: string) => string };
