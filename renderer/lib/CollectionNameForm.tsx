import { useState } from 'react';

/**
 * The inline "new collection" form: a name field and Create. `onCreate` gets the trimmed
 * name (an empty one is not sent); Escape in the field calls `onCancel` when given.
 */
export function CollectionNameForm(props: {
  onCreate: (name: string) => void;
  onCancel?: () => void;
}) {
  const [name, setName] = useState('');
  const { onCancel } = props;
  return (
    <form
      className="inline-form"
      onSubmit={(e) => {
        e.preventDefault();
        const trimmed = name.trim();
        if (trimmed) props.onCreate(trimmed);
      }}
    >
      <input
        aria-label="New collection name"
        placeholder="Collection name"
        value={name}
        autoFocus
        onChange={(e) => setName(e.target.value)}
        onKeyDown={onCancel ? (e) => e.key === 'Escape' && onCancel() : undefined}
      />
      <button type="submit">Create</button>
    </form>
  );
}
