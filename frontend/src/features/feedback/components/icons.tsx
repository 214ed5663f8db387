// Decorative, like the shared icons: the words beside them carry the meaning.
interface IconProps {
  className?: string;
}

export function PencilIcon({ className }: IconProps) {
  return (
    <svg className={className} viewBox="0 0 24 24" width="24" height="24" aria-hidden="true" focusable="false">
      <path d="M4 20l1-4.5L16.5 4 20 7.5 8.5 19z" fill="none" stroke="currentColor" strokeWidth="2" strokeLinejoin="round" />
      <path d="M14 6.5l3.5 3.5" fill="none" stroke="currentColor" strokeWidth="2" />
    </svg>
  );
}

export function SendIcon({ className }: IconProps) {
  return (
    <svg className={className} viewBox="0 0 24 24" width="24" height="24" aria-hidden="true" focusable="false">
      <path d="M3 11.5 21 3l-7 18-3-7.5z" fill="currentColor" />
      <path d="M11 13.5 21 3" fill="none" stroke="#fff" strokeWidth="1.5" />
    </svg>
  );
}
