interface PlaceholderPageProps {
  title: string;
  coming: string;
}

/** A page that exists in the navigation but is not built yet. */
export function PlaceholderPage({ title, coming }: PlaceholderPageProps) {
  return (
    <>
      <title>{`${title} · Crosswalk`}</title>
      <h1>{title}</h1>
      <section className="placeholder" aria-labelledby="coming-heading">
        <h2 id="coming-heading">Not built yet</h2>
        <p>Coming here: {coming}</p>
      </section>
    </>
  );
}
