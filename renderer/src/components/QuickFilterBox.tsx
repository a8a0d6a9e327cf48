interface QuickFilterBoxProps {
  value: string;
  onChange: (value: string) => void;
  placeholder: string;
  label: string;
  testId?: string;
}

/** The search box above a grid; the grid filters its rows by every visible column as you type. */
export function QuickFilterBox({ value, onChange, placeholder, label, testId }: QuickFilterBoxProps) {
  return (
    <input
      type="search"
      className="quick-filter"
      data-testid={testId}
      value={value}
      placeholder={placeholder}
      aria-label={label}
      spellCheck={false}
      onChange={(e) => onChange(e.target.value)}
    />
  );
}
