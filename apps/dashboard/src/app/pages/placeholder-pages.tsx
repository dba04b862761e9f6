import { PlaceholderPage } from './placeholder-page';

export function ReportsPage() {
  return (
    <PlaceholderPage
      title="Reports"
      coming="6, 12 and 24-month evaluation reports against a baseline period, and grant performance reports, exported as PDF, DOCX and XLSX/CSV."
    />
  );
}

export function PublicPage() {
  return (
    <PlaceholderPage
      title="Public"
      coming="A preview of the public transparency page: aggregate counts and rates with plain-language definitions, small cells suppressed."
    />
  );
}
