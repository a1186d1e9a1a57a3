// @vitest-environment happy-dom
import { act } from 'preact/test-utils';
import { type EditorState, useEditing } from '@/components/manager/use-editing';
import { freshDb } from '../factories';
import { mount } from './harness';

/** Mounts the hook and hands out the state of every render, oldest first. */
async function editorStates() {
  const renders: EditorState[] = [];
  const db = freshDb();
  function Probe() {
    renders.push(useEditing(db, undefined));
    return null;
  }
  await mount(<Probe />);
  return { renders, latest: () => renders.at(-1) as EditorState };
}

describe('the editor switch', () => {
  it('opens what the reader asked for while a save ran, when that save closes the form', async () => {
    const { latest } = await editorStates();
    await act(() => void latest().open({ id: 'kyiv' }));
    latest().onUnsaved(true);
    // The save starts here: its close is the one this render handed out.
    const closeOfTheSave = latest().closed;
    await act(() => void latest().open({ id: 'nato' }));
    expect(latest().leaving).toBe(true);
    expect(latest().editing?.id).toBe('kyiv');
    let opened: ReturnType<EditorState['closed']>;
    await act(() => {
      opened = closeOfTheSave();
    });
    expect(opened).toEqual({ id: 'nato' });
    expect(latest().editing?.id).toBe('nato');
    expect(latest().leaving).toBe(false);
  });

  it('closes the editor when nothing else was asked for', async () => {
    const { latest } = await editorStates();
    await act(() => void latest().open({ id: 'kyiv' }));
    await act(() => void latest().closed());
    expect(latest().editing).toBeUndefined();
  });
});
