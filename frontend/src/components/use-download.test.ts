import { act, renderHook, waitFor } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';

import { saveFile } from './save-file';
import { useDownload } from './use-download';

vi.mock('./save-file', () => ({ saveFile: vi.fn() }));

describe('useDownload', () => {
  it('hands the fetched file to the browser and names it for the status line', async () => {
    const content = new Blob(['%PDF-1.7'], { type: 'application/pdf' });
    const { result } = renderHook(() => useDownload(() => Promise.resolve({ name: 'K-7Q2.pdf', content })));
    act(() => {
      result.current.download();
    });
    expect(result.current.busy).toBe(true);
    await waitFor(() => {
      expect(result.current.saved).toBe('K-7Q2.pdf');
    });
    expect(result.current.busy).toBe(false);
    expect(result.current.error).toBeNull();
    expect(saveFile).toHaveBeenCalledWith('K-7Q2.pdf', content);
  });

  it('keeps the error for the problem message and saves nothing', async () => {
    vi.mocked(saveFile).mockClear();
    const refused = new Error('403');
    const { result } = renderHook(() => useDownload(() => Promise.reject(refused)));
    act(() => {
      result.current.download();
    });
    await waitFor(() => {
      expect(result.current.busy).toBe(false);
    });
    expect(result.current.error).toBe(refused);
    expect(result.current.saved).toBeNull();
    expect(saveFile).not.toHaveBeenCalled();
  });
});
