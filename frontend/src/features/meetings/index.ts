export { useMeeting, useMyCells } from './api/use-meetings';
export { CalendarFeedPanel } from './components/CalendarFeedPanel';
export type { FeedbackFormSlotContext } from './components/FeedbackFormSlot';
export { MeetingPlanner } from './components/MeetingPlanner';
export { MeetingRequests } from './components/MeetingRequests';
export { MeetingRoom } from './components/MeetingRoom';
export { MeetingsHome, type TableSeat } from './components/MeetingsHome';
export { MeetingsOverview } from './components/MeetingsOverview';
export { MinutesView } from './components/MinutesView';
