export function RatingCell({
  rating,
  onRate,
}: {
  rating: number;
  onRate: (stars: number) => void;
}) {
  return (
    <span className="stars" role="radiogroup" aria-label="Rating">
      {[1, 2, 3, 4, 5].map((n) => (
        <button
          key={n}
          type="button"
          tabIndex={-1}
          role="radio"
          aria-checked={rating === n}
          aria-label={`${n} star${n === 1 ? '' : 's'}`}
          className={n <= rating ? 'star star--on' : 'star'}
          onClick={(e) => {
            e.stopPropagation();
            onRate(rating === n ? 0 : n);
          }}
        >
          ★
        </button>
      ))}
    </span>
  );
}
