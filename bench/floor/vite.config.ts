// The framework floor is built as React Router's template builds an app: its plugin and nothing else.
import { reactRouter } from '@react-router/dev/vite'
import { defineConfig } from 'vite'

export default defineConfig({ plugins: [reactRouter()] })
